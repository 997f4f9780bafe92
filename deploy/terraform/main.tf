# Ticketing on AWS: a VPC, an EKS cluster with a managed node group, ECR repositories for the two images, RDS
# PostgreSQL 15, an ACM certificate and Route53 record for the storefront, IAM for the AWS Load Balancer
# Controller and the EBS CSI driver (IRSA), and for the GitHub release workflow (OIDC). One state per environment:
#
#   terraform init -backend-config=environments/dev/backend.hcl
#   terraform apply -var-file=environments/dev/terraform.tfvars

data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_caller_identity" "current" {}

locals {
  name = "ticketing-${var.environment}"
  azs  = slice(data.aws_availability_zones.available.names, 0, var.az_count)
}
