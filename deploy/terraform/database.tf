# PostgreSQL 15 for Orleans membership, grain state and reminders. The master password is kept by RDS in
# Secrets Manager (never in the Terraform state); only the cluster's nodes (and so its pods) reach port 5432.
resource "aws_security_group" "db" {
  name        = "${local.name}-postgres"
  description = "PostgreSQL from the EKS nodes"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_nodes" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from EKS nodes and pods"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = module.eks.node_security_group_id
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.10"

  identifier = local.name

  engine               = "postgres"
  engine_version       = "15"
  family               = "postgres15"
  major_engine_version = "15"
  instance_class       = var.db_instance_class

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_max_allocated_storage
  storage_encrypted     = true

  db_name  = "ticketing"
  username = "ticketing"
  port     = 5432

  manage_master_user_password = true

  multi_az               = var.db_multi_az
  db_subnet_group_name   = module.vpc.database_subnet_group_name
  vpc_security_group_ids = [aws_security_group.db.id]

  backup_retention_period = var.db_backup_retention_days
  backup_window           = "03:00-04:00"
  maintenance_window      = "Mon:04:30-Mon:05:30"

  deletion_protection              = var.db_deletion_protection
  skip_final_snapshot              = !var.db_deletion_protection
  final_snapshot_identifier_prefix = "${local.name}-final"

  performance_insights_enabled = true
  create_db_option_group       = false

  # Connections must use TLS (the connection string says SSL Mode=Require).
  parameters = [
    {
      name  = "rds.force_ssl"
      value = "1"
    }
  ]
}
