# terraform apply -var-file=environments/prod/terraform.tfvars
environment = "prod"
region      = "eu-west-1"

vpc_cidr           = "10.20.0.0/16"
az_count           = 3
single_nat_gateway = false

kubernetes_version  = "1.33"
node_instance_types = ["m6i.large"]
node_min_size       = 3
node_desired_size   = 3
node_max_size       = 9

db_instance_class        = "db.m6g.large"
db_allocated_storage     = 50
db_max_allocated_storage = 500
db_multi_az              = true
db_deletion_protection   = true
db_backup_retention_days = 14

dns_zone_name     = "example.com"
hostname          = "tickets.example.com"
alb_name          = "ticketing-prod"
create_dns_record = false

github_repository = "CHANGE-ME/ticketing"
# One GitHub OIDC provider per AWS account: false if dev (same account) already made it.
create_github_oidc_provider = true
