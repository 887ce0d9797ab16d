locals {
  secret = "sk-live-123456789" "oops"
}
