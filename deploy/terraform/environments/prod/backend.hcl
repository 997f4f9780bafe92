# terraform init -backend-config=environments/prod/backend.hcl
# The bucket is made once by hand (docs/deploy.md, step 1).
bucket       = "CHANGE-ME-ticketing-terraform-state"
key          = "ticketing/prod/terraform.tfstate"
region       = "eu-west-1"
encrypt      = true
use_lockfile = true
