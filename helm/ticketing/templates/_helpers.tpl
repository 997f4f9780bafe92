{{/* Chart name, truncated for label values. */}}
{{- define "ticketing.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: the release name, unless it already contains the chart name. */}}
{{- define "ticketing.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ticketing.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. No Orleans Kubernetes-hosting labels: ADO.NET clustering needs none, and selectors stay fixed. */}}
{{- define "ticketing.labels" -}}
helm.sh/chart: {{ include "ticketing.chart" . }}
{{ include "ticketing.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ticketing
{{- end }}

{{- define "ticketing.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ticketing.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Selector labels of the silo pods and of the gateway pods. */}}
{{- define "ticketing.silo.selectorLabels" -}}
{{ include "ticketing.selectorLabels" . }}
app.kubernetes.io/component: silo
{{- end }}

{{- define "ticketing.gateway.selectorLabels" -}}
{{ include "ticketing.selectorLabels" . }}
app.kubernetes.io/component: gateway
{{- end }}

{{- define "ticketing.silo.fullname" -}}
{{- printf "%s-silo" (include "ticketing.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ticketing.gateway.fullname" -}}
{{- printf "%s-gateway" (include "ticketing.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ticketing.configMapName" -}}
{{- printf "%s-config" (include "ticketing.fullname" .) }}
{{- end }}

{{/* The Secret the pods read: the one the chart makes, or secrets.existingSecret. */}}
{{- define "ticketing.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- printf "%s-secrets" (include "ticketing.fullname" .) }}
{{- end }}
{{- end }}

{{- define "ticketing.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ticketing.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* An image reference: (dict "root" $ "repository" "...") */}}
{{- define "ticketing.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .repository $tag }}
{{- else }}
{{- printf "%s:%s" .repository $tag }}
{{- end }}
{{- end }}

{{/*
Settings every process of the cluster reads from the Secret: ConnectionStrings:Postgres and, with NATS
streams, Ticketing:Nats:Url. (Ticketing:Storage, ServiceId, ClusterId, Streams come from the ConfigMap.)
*/}}
{{- define "ticketing.clusterSecretEnv" -}}
- name: ConnectionStrings__Postgres
  valueFrom:
    secretKeyRef:
      name: {{ include "ticketing.secretName" . }}
      key: postgres-connection-string
{{- if eq .Values.streams "Nats" }}
- name: Ticketing__Nats__Url
  valueFrom:
    secretKeyRef:
      name: {{ include "ticketing.secretName" . }}
      key: nats-url
{{- end }}
{{- end }}

{{/* The /tmp emptyDir: the only writable path of a pod whose root filesystem is read-only. */}}
{{- define "ticketing.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{- define "ticketing.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Preferred spread over zones and nodes: (dict "root" $ "component" "silo") */}}
{{- define "ticketing.topologySpread" -}}
- maxSkew: 1
  topologyKey: topology.kubernetes.io/zone
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "ticketing.selectorLabels" .root | nindent 6 }}
      app.kubernetes.io/component: {{ .component }}
- maxSkew: 1
  topologyKey: kubernetes.io/hostname
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "ticketing.selectorLabels" .root | nindent 6 }}
      app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Refuse values that would deploy a broken cluster. Included by the ConfigMap, which always renders. */}}
{{- define "ticketing.validate" -}}
{{- if not .Values.secrets.existingSecret }}
{{- if not .Values.secrets.postgresConnectionString }}
{{- fail "secrets.postgresConnectionString is required (or name a Secret holding it in secrets.existingSecret)" }}
{{- end }}
{{- if lt (len .Values.secrets.jwtSigningKey) 32 }}
{{- fail "secrets.jwtSigningKey must be at least 32 bytes (openssl rand -hex 32), or name a Secret in secrets.existingSecret" }}
{{- end }}
{{- if and (eq .Values.streams "Nats") (not .Values.secrets.natsUrl) }}
{{- fail "secrets.natsUrl is required when streams is Nats" }}
{{- end }}
{{- end }}
{{- if or (and .Values.secrets.dashboardUsername (not .Values.secrets.dashboardPassword)) (and .Values.secrets.dashboardPassword (not .Values.secrets.dashboardUsername)) }}
{{- fail "secrets.dashboardUsername and secrets.dashboardPassword go together: set both (or neither)" }}
{{- end }}
{{- if and .Values.secrets.dashboardPassword (lt (len .Values.secrets.dashboardPassword) 12) }}
{{- fail "secrets.dashboardPassword must be at least 12 characters (the silo ignores a shorter one and serves no dashboard)" }}
{{- end }}
{{- if eq (int .Values.gateway.metricsPort) (int .Values.gateway.httpPort) }}
{{- fail "gateway.metricsPort must differ from gateway.httpPort: /metrics is kept off the port the Service exposes" }}
{{- end }}
{{- if le (int .Values.silo.terminationGracePeriodSeconds) (int .Values.silo.shutdownTimeoutSeconds) }}
{{- fail "silo.terminationGracePeriodSeconds must be longer than silo.shutdownTimeoutSeconds, or the kubelet kills silos mid-shutdown" }}
{{- end }}
{{- if le (int .Values.gateway.terminationGracePeriodSeconds) (add .Values.gateway.shutdownTimeoutSeconds .Values.gateway.preStopSleepSeconds) }}
{{- fail "gateway.terminationGracePeriodSeconds must be longer than gateway.preStopSleepSeconds + gateway.shutdownTimeoutSeconds" }}
{{- end }}
{{- if and .Values.ingress.enabled (eq .Values.ingress.className "alb") (not .Values.ingress.alb.certificateArn) }}
{{- fail "ingress.alb.certificateArn is required with the ALB (an ACM certificate for ingress.host)" }}
{{- end }}
{{- end }}
