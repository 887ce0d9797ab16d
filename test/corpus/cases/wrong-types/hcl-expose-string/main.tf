resource "genesyscloud_oauth_client" "qa" {
  name                  = "QA"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  expose_client_secret  = "sure"
}
