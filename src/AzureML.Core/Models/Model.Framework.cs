namespace AzureML.Core;

public partial class Model
{
    /// <summary>
    /// The framework values azureml-core knows. <see cref="ScikitLearn"/>, <see cref="Onnx"/> and
    /// <see cref="TensorFlow"/> models can be deployed without an inference configuration.
    /// </summary>
    public static class Framework
    {
        /// <summary>A scikit-learn model (pickle or joblib file).</summary>
        public const string ScikitLearn = "ScikitLearn";

        /// <summary>An ONNX model.</summary>
        public const string Onnx = "Onnx";

        /// <summary>A TensorFlow SavedModel.</summary>
        public const string TensorFlow = "TensorFlow";

        /// <summary>A PyTorch model.</summary>
        public const string PyTorch = "PyTorch";

        /// <summary>Any other model; the default when none is given.</summary>
        public const string Custom = "Custom";

        /// <summary>Several models bundled as one.</summary>
        public const string Multi = "Multi";
    }
}
