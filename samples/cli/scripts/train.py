# Trains a logistic regression on the iris data set mounted from the registered dataset and saves it to outputs/.
# Written for azureml-core: it runs unmodified on Azure ML and on a local AzureML.Sdk workspace.
import argparse
import os

import joblib
from azureml.core.run import Run
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from utils import load_data

parser = argparse.ArgumentParser()
parser.add_argument("--data-folder", type=str, dest="data_folder", help="folder the dataset is mounted at")
parser.add_argument("--regularization", type=float, dest="reg", default=0.5, help="inverse regularization strength")
args = parser.parse_args()

print("Data folder:", args.data_folder)
features, labels = load_data(args.data_folder)
x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.2, random_state=42, stratify=labels)
print(len(x_train), len(x_test), sep="\n")

run = Run.get_context()
print("Train a logistic regression model with regularization rate of", args.reg)
model = LogisticRegression(C=1.0 / args.reg, max_iter=1000).fit(x_train, y_train)

print("Predict the test set")
accuracy = model.score(x_test, y_test)
print("Accuracy is", accuracy)
run.log("regularization rate", float(args.reg))
run.log("accuracy", float(accuracy))

# Files written to ./outputs become the run's outputs; 'azml model register --asset-path' picks this one.
os.makedirs("outputs", exist_ok=True)
joblib.dump(value=model, filename="outputs/sklearn_iris_model.pkl")
