# Trains a support vector classifier on the iris data set and logs to the run.
# Written for azureml-core: it runs unmodified on Azure ML and on a local AzureML.Sdk workspace.
import argparse
import os

import joblib
import numpy as np
from azureml.core.run import Run
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

run = Run.get_context()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", type=str, default="linear", help="Kernel type to be used in the algorithm")
    parser.add_argument("--penalty", type=float, default=1.0, help="Penalty parameter of the error term")
    args = parser.parse_args()

    run.log("Kernel type", str(args.kernel))
    run.log("Penalty", float(args.penalty))

    iris = datasets.load_iris()
    x_train, x_test, y_train, y_test = train_test_split(iris.data, iris.target, test_size=0.2, random_state=0)

    model = SVC(kernel=args.kernel, C=args.penalty).fit(x_train, y_train)
    accuracy = model.score(x_test, y_test)
    print("Accuracy of SVM classifier on test set: {:.2f}".format(accuracy))
    run.log("Accuracy", float(accuracy))

    predictions = model.predict(x_test)
    run.log_list("Class counts", np.bincount(predictions, minlength=3).tolist())

    os.makedirs("outputs", exist_ok=True)
    joblib.dump(model, "outputs/model.joblib")


if __name__ == "__main__":
    main()
