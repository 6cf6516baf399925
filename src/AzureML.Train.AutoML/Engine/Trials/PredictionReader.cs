using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Trials;

/// <summary>Reads class probabilities (or predictions) out of a scored view, in class order.</summary>
internal static class PredictionReader
{
    public static Predictions Read(IDataView scored, ScoreOutput output, int width, int positiveIndex)
    {
        switch (output)
        {
            case ScoreOutput.Probability:
                return Binary(scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray(), positiveIndex);
            case ScoreOutput.ClassProbabilities:
            {
                float[][] rows = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
                var predictions = new Predictions(rows.Length, width);
                for (int r = 0; r < rows.Length; r++)
                {
                    for (int c = 0; c < width; c++) predictions[r, c] = rows[r][c];
                }

                return predictions;
            }

            default:
            {
                double[] values = scored.GetColumn<float>("Score").Select(s => (double)s).ToArray();
                return new Predictions(values.Length, 1, values);
            }
        }
    }

    private static Predictions Binary(double[] positive, int positiveIndex)
    {
        var predictions = new Predictions(positive.Length, 2);
        for (int r = 0; r < positive.Length; r++)
        {
            predictions[r, positiveIndex] = positive[r];
            predictions[r, 1 - positiveIndex] = 1 - positive[r];
        }

        return predictions;
    }
}
