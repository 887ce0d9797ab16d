data "genesyscloud_auth_division" "chicago" {
  name = "Chicago"
}

resource "genesyscloud_auth_role" "r" {
  name = "R"
  permission_policies {
    domain      = "recording"
    entity_name = "screenRecording"
    action_set  = ["view"]
  }
}

resource "genesyscloud_oauth_client" "qa" {
  name                  = "QA"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  state                 = "deleted"
  roles {
    role_id     = genesyscloud_auth_role.r.id
    division_id = data.genesyscloud_auth_division.chicago.id
  }
}
