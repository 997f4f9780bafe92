output "region" {
  value = var.region
}

output "cluster_name" {
  description = "EKS cluster (GitHub environment variable EKS_CLUSTER_NAME)."
  value       = module.eks.cluster_name
}

output "vpc_id" {
  value = module.vpc.vpc_id
}

output "vpc_cidr_block" {
  value = module.vpc.vpc_cidr_block
}

output "database_subnets_cidr_blocks" {
  description = "Where RDS lives: the chart's networkPolicy.postgres.to ipBlocks."
  value       = module.vpc.database_subnets_cidr_blocks
}

output "ecr_registry" {
  description = "Registry of both images (GitHub environment variable ECR_REGISTRY; chart value image.registry)."
  value       = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com"
}

output "ecr_repository_urls" {
  value = { for name, repository in aws_ecr_repository.image : name => repository.repository_url }
}

output "db_endpoint" {
  description = "host:port of PostgreSQL, for ConnectionStrings:Postgres."
  value       = module.db.db_instance_endpoint
}

output "db_address" {
  value = module.db.db_instance_address
}

output "db_master_user_secret_arn" {
  description = "Secrets Manager secret with the master user's password (JSON: username, password)."
  value       = module.db.db_instance_master_user_secret_arn
}

output "certificate_arn" {
  description = "ACM certificate (GitHub environment variable ACM_CERTIFICATE_ARN; chart value ingress.alb.certificateArn)."
  value       = aws_acm_certificate_validation.app.certificate_arn
}

output "hostname" {
  description = "GitHub environment variable TICKETING_HOST; chart value ingress.host."
  value       = var.hostname
}

output "alb_name" {
  description = "Chart value ingress.alb.loadBalancerName."
  value       = var.alb_name
}

output "load_balancer_controller_role_arn" {
  description = "Annotate the controller's service account with it (eks.amazonaws.com/role-arn)."
  value       = module.load_balancer_controller_irsa.iam_role_arn
}

output "github_deploy_role_arn" {
  description = "GitHub environment variable AWS_DEPLOY_ROLE_ARN."
  value       = aws_iam_role.github_deploy.arn
}
