variable "environment" {
  description = "Environment name (dev, prod): part of every resource name and the GitHub environment the deploy role trusts."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lowercase letters, digits or dashes."
  }
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

# ---- network ----

variable "vpc_cidr" {
  description = "CIDR of the VPC (a /16): private subnets for nodes, public for the ALB, database subnets for RDS."
  type        = string
}

variable "az_count" {
  description = "Availability zones to span."
  type        = number
  default     = 3
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper) instead of one per zone (survives a zone outage)."
  type        = bool
  default     = false
}

# ---- EKS ----

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.33"
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "Who may reach the public EKS API endpoint (CI runners and operators)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_min_size" {
  type    = number
  default = 2
}

variable "node_desired_size" {
  type    = number
  default = 3
}

variable "node_max_size" {
  type    = number
  default = 6
}

variable "app_namespace" {
  description = "Kubernetes namespace of the Ticketing release (the deploy role may manage this namespace only)."
  type        = string
  default     = "ticketing"
}

# ---- ECR ----

variable "ecr_keep_images" {
  description = "Images each ECR repository keeps (older ones expire)."
  type        = number
  default     = 50
}

# ---- RDS PostgreSQL ----

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial storage in GiB (autoscaling up to db_max_allocated_storage)."
  type        = number
  default     = 20
}

variable "db_max_allocated_storage" {
  type    = number
  default = 100
}

variable "db_multi_az" {
  description = "A standby in a second zone."
  type        = bool
  default     = false
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (and take a final snapshot when it is deleted)."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  type    = number
  default = 7
}

# ---- DNS and TLS ----

variable "dns_zone_name" {
  description = "An existing public Route53 hosted zone, e.g. example.com."
  type        = string
}

variable "hostname" {
  description = "The storefront's host name inside that zone, e.g. tickets.example.com."
  type        = string
}

variable "alb_name" {
  description = "Name the chart gives the ALB (ingress.alb.loadBalancerName), so the DNS record can find it."
  type        = string
}

variable "create_dns_record" {
  description = "Point hostname at the ALB. Leave false until the chart is installed (the ALB controller makes the ALB), then apply again with true."
  type        = bool
  default     = false
}

# ---- GitHub Actions ----

variable "github_repository" {
  description = "owner/name of the GitHub repository whose release workflow deploys here."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (one per account: false when another environment in the same account made it)."
  type        = bool
  default     = true
}
