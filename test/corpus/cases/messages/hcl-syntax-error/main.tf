resource "genesyscloud_auth_role" {
