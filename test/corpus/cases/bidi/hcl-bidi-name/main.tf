resource "genesyscloud_oauth_client" "qa" {
  name                  = "QA \u202Eredaer"
  authorized_grant_type = "CLIENT-CREDENTIALS"
}
