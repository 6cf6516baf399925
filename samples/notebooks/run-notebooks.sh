#!/usr/bin/env bash
# Re-executes the notebooks headless against the SDK packed from this repository, as the tests do:
#   samples/notebooks/run-notebooks.sh [--save-outputs DIR] [NOTEBOOK.ipynb ...]
# Packs AzureML.Core, AzureML.Core.Interactive and AzureML.Train.AutoML into a temporary feed (with a prerelease label
# of this run, so no package cache serves an older build), copies the notebooks into a temporary folder (the
# repository's copies stay without outputs and no workspace is left behind), and runs each one cell by cell with the
# notebook runner. With --save-outputs the executed notebooks, outputs included, are written to DIR (for the docs).
# Stops at the first notebook with an error output.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
save=""
notebooks=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --save-outputs) save="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) notebooks+=("$(basename "$1")"); shift ;;
  esac
done
if [[ ${#notebooks[@]} -eq 0 ]]; then
  for notebook in "$root"/samples/notebooks/*.ipynb; do notebooks+=("$(basename "$notebook")"); done
fi

work="$(mktemp -d -t azureml-notebooks-XXXXXX)"
trap 'rm -rf "$work"' EXIT
suffix="nb$(date -u +%Y%m%d%H%M%S)"

echo "Packing the SDK into $work/feed ..." >&2
for project in src/AzureML.Core/AzureML.Core.csproj src/AzureML.Core.Interactive/AzureML.Core.Interactive.csproj \
    src/AzureML.Train.AutoML/AzureML.Train.AutoML.csproj; do
  dotnet pack "$root/$project" -c Release -o "$work/feed" -p:UseArtifactsOutput=true -p:ArtifactsPath="$work/artifacts" \
    -p:VersionSuffix="$suffix" --nologo -v quiet >&2
done
version="$(dotnet msbuild "$root/src/AzureML.Core/AzureML.Core.csproj" -getProperty:Version -p:VersionSuffix="$suffix")"
dotnet build "$root/samples/notebooks/runner" -c Release --nologo -v quiet -o "$work/runner" >&2

# The notebooks read the sample model and data from their sibling samples.
for folder in OnnxDeploy/model HeartFailureAutoML/data; do
  mkdir -p "$work/samples/$(dirname "$folder")"
  cp -r "$root/samples/$folder" "$work/samples/$folder"
done
(cd "$root/samples" && tar --exclude=notebooks/runner --exclude=notebooks/.azureml/local -cf - notebooks) | tar -xf - -C "$work/samples"

for notebook in "${notebooks[@]}"; do
  echo "Running $notebook ..." >&2
  NUGET_PACKAGES="$work/packages" NUGET_FALLBACK_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" \
    dotnet "$work/runner/AzureML.NotebookRunner.dll" "$work/samples/notebooks/$notebook" \
      --output "$work/executed/$notebook" --source "$work/feed" --package-version "$version"
  if [[ -n "$save" ]]; then cp "$work/executed/$notebook" "$save/$notebook"; fi
done
echo "All ${#notebooks[@]} notebooks ran without errors." >&2
