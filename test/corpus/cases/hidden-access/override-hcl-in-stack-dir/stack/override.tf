resource "genesyscloud_oauth_client" "c" {
  roles {
    role_id     = genesyscloud_auth_role.admin.id
    division_id = "*"
  }
}
