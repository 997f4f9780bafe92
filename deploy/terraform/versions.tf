terraform {
  # 1.10+: the S3 backend locks with a lock file (use_lockfile), no DynamoDB table needed.
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # Partial configuration: `terraform init -backend-config=environments/<env>/backend.hcl`.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, {
      Project     = "ticketing"
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}
