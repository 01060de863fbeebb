{{/*
Chart name, truncated to 63 characters (the DNS label limit).
*/}}
{{- define "decision-ledger.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: the release name, or release-chart when the release name does not contain the chart name.
*/}}
{{- define "decision-ledger.fullname" -}}
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

{{/*
Chart label value.
*/}}
{{- define "decision-ledger.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Recommended labels (app.kubernetes.io/*).
*/}}
{{- define "decision-ledger.labels" -}}
helm.sh/chart: {{ include "decision-ledger.chart" . }}
{{ include "decision-ledger.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: decision-ledger
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: stable for the life of the release.
*/}}
{{- define "decision-ledger.selectorLabels" -}}
app.kubernetes.io/name: {{ include "decision-ledger.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Service account name.
*/}}
{{- define "decision-ledger.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "decision-ledger.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository@digest when a digest is set, else repository:tag (tag defaults to appVersion).
*/}}
{{- define "decision-ledger.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Name of the SecretProviderClass (Key Vault and Vault modes).
*/}}
{{- define "decision-ledger.secretProviderClassName" -}}
{{- printf "%s-%s" (include "decision-ledger.fullname" .) (.Values.secrets.mode | lower) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Name of the CloudNativePG cluster.
*/}}
{{- define "decision-ledger.cnpgName" -}}
{{- printf "%s-db" (include "decision-ledger.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}
