resource "genesyscloud_oauth_client" "b" {
  name                  = "Backdoor"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id     = genesyscloud_auth_role.admin.id
    division_id = "*"
  }
}
