resource "genesyscloud_auth_role" "r" {
  name = "reader"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view"]
  }
}
