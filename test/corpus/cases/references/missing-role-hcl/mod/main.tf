resource "genesyscloud_oauth_client" "c" {
  name = "Good"
  roles {
    role_id = genesyscloud_auth_role.missing.id
    division_id = "abc"
  }
}
