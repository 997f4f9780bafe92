# terraform apply -var-file=environments/dev/terraform.tfvars
environment = "dev"
region      = "eu-west-1"

vpc_cidr           = "10.10.0.0/16"
az_count           = 3
single_nat_gateway = true

kubernetes_version  = "1.33"
node_instance_types = ["t3.large"]
node_min_size       = 2
node_desired_size   = 2
node_max_size       = 4

db_instance_class        = "db.t4g.micro"
db_allocated_storage     = 20
db_max_allocated_storage = 50
db_multi_az              = false
db_deletion_protection   = false
db_backup_retention_days = 1

dns_zone_name     = "example.com"
hostname          = "tickets-dev.example.com"
alb_name          = "ticketing-dev"
create_dns_record = false

github_repository           = "CHANGE-ME/ticketing"
create_github_oidc_provider = true
