using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Local;

public class PythonScriptImportsTests
{
    private TestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void Read_ModuleLevelImports_TopLevelNamesInOrderWithoutLocalOptionalOrRelativeOnes()
    {
        _folder.Write("src/helpers.py", "");
        _folder.Write("src/pkg/__init__.py", "");
        string script = _folder.Write("src/train.py", """
            '''Trains a model.

            import not_an_import
            '''
            from __future__ import annotations
            import os, numpy as np
            import sklearn.svm as svm
            from joblib import dump
            from azureml.core import Run
            from . import sibling
            from .sibling import thing
            import helpers
            from pkg import tools
            from pandas import (
                DataFrame,
            )
            import scipy.sparse, \
                matplotlib
            try:
                import lightgbm
            except ImportError:
                lightgbm = None

            def main():
                import xgboost
            """.Replace("            ", ""));

        Assert.That(PythonScriptImports.Read(script, _folder.Combine("src")),
            Is.EqualTo(new[] { "os", "numpy", "sklearn", "joblib", "pandas", "scipy", "matplotlib" }));
    }
}
