#!/usr/bin/env bash
# The "train and deploy a model from the command line" walkthrough, with azml instead of az ml:
# create a workspace, attach this project to it, train on a registered dataset, register the model twice,
# deploy it as a web service, score testdata.json, and clean up.
#
#   samples/cli/tutorial.sh [WORK_FOLDER]
#
# The project is copied to WORK_FOLDER/project (default: a new temporary folder) so this folder stays as it is.
# Each command's JSON output is kept in WORK_FOLDER/output/<step>.json. Local workspaces are listed in
# AZUREML_LOCAL_WORKSPACES, default WORK_FOLDER/workspaces, so the walkthrough can be run again and again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mkdir -p "${1:-$(mktemp -d)}" && cd "${1:-.}" && pwd)"
export AZUREML_LOCAL_WORKSPACES="${AZUREML_LOCAL_WORKSPACES:-$work/workspaces}"
mkdir -p "$work/output"
rm -rf "$work/project"
cp -R "$here" "$work/project"
cd "$work/project"

# Runs one azml command, shows it, and keeps its stdout (pure JSON) as output/<step>.json.
step() {
    local name="$1"
    shift
    echo "\$ azml $*" >&2
    azml "$@" | tee "$work/output/$name.json"
}

step workspace-create workspace create -w myws -g myrg
step folder-attach folder attach -w myws -g myrg
step computetarget-create computetarget create amlcompute -n cpu-cluster --max-nodes 4 --vm-size Standard_D2_V2
step dataset-register dataset register -f dataset.json --skip-validation

# As the walkthrough says: put the registered dataset's id into the run configuration's data section.
dataset_id="$(azml dataset show -n iris-dataset --query registration.id -o tsv)"
sed -i "s/id: replace-with-the-registered-dataset-id/id: $dataset_id/" .azureml/iris.runconfig

step run-submit run submit-script -c iris -e tutorial-cli --source-directory scripts -t runoutput.json
step model-register-run model register -n mymodel -f runoutput.json --asset-path outputs/sklearn_iris_model.pkl -t registeredmodel.json
step model-download model download -i mymodel:1 -t .
step model-register-local model register -n mymodel -p sklearn_iris_model.pkl
step model-deploy model deploy -n myservice -m mymodel:1 --ic inferenceConfig.json --dc aciDeploymentConfig.yml
step service-show service show -n myservice
step service-run service run -n myservice -d @testdata.json
step service-delete service delete -n myservice
step computetarget-delete computetarget delete -n cpu-cluster
