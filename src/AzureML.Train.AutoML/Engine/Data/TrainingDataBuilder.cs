using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// Turns the training (and validation) data frames into <see cref="TrainingData"/>: checks the label,
/// weight and split columns, drops rows without a label, infers column purposes and derives what
/// featurization needs (fill categories, varying date parts, missing-value indicators).
/// </summary>
internal static class TrainingDataBuilder
{
    public sealed record Request
    {
        public required DataFrame Training { get; init; }
        public DataFrame? Validation { get; init; }
        public required TaskKind Task { get; init; }
        public required string LabelColumn { get; init; }
        public string? WeightColumn { get; init; }
        public IReadOnlyList<string> CustomSplitColumns { get; init; } = Array.Empty<string>();
        public object? PositiveLabel { get; init; }
        public FeaturizationSettings Featurization { get; init; } = FeaturizationSettings.Auto;
    }

    public static TrainingData Build(Request request)
    {
        DataFrame training = request.Training;
        RequireColumn(training, request.LabelColumn, "labelColumnName", "trainingData");
        if (request.WeightColumn is not null) RequireNumeric(training, request.WeightColumn, "weightColumnName");
        foreach (string split in request.CustomSplitColumns) RequireNumeric(training, split, "cvSplitColumnNames");
        if (request.Validation is { } validation)
        {
            foreach (string name in training.ColumnNames.Where(n => !request.CustomSplitColumns.Contains(n)))
            {
                if (!validation.TryGetColumn(name, out _))
                {
                    throw new ConfigException($"validationData has no column '{name}'; it must have the same columns as trainingData.", "validationData");
                }
            }
        }

        var excluded = new HashSet<string>(StringComparer.Ordinal) { request.LabelColumn };
        if (request.WeightColumn is not null) excluded.Add(request.WeightColumn);
        foreach (string split in request.CustomSplitColumns) excluded.Add(split);
        List<string> inputNames = training.ColumnNames.Where(n => !excluded.Contains(n)).ToList();
        if (inputNames.Count == 0) throw new ConfigException("trainingData has no column besides the label (and weight) columns to learn from.", "trainingData");

        int[] trainRows = LabelledRows(training.Columns[Ordinal(training, request.LabelColumn)]);
        int[] validRows = request.Validation is null ? Array.Empty<int>() : LabelledRows(request.Validation[request.LabelColumn]);
        int missingLabels = training.RowCount - trainRows.Length + ((request.Validation?.RowCount ?? 0) - validRows.Length);
        if (trainRows.Length == 0) throw new ConfigException($"Every row of trainingData has a missing '{request.LabelColumn}' label.", "labelColumnName");

        var sources = new List<(DataFrame Frame, int[] Rows)> { (training, trainRows) };
        if (request.Validation is not null) sources.Add((request.Validation, validRows));
        int rowCount = trainRows.Length + validRows.Length;

        IReadOnlyList<ColumnProfile> profiles = ColumnInference.Infer(training, inputNames, request.Featurization);
        var data = new TrainingData
        {
            Task = request.Task,
            LabelColumn = request.LabelColumn,
            WeightColumn = request.WeightColumn,
            RowCount = rowCount,
            TrainingRowCount = trainRows.Length,
            Profiles = profiles,
            Inputs = profiles.Where(p => p.IsFeature).Select(p => Input(p, sources, trainRows.Length)).ToList(),
            Weights = request.WeightColumn is null ? null : Weights(sources, request.WeightColumn),
            CustomSplits = request.CustomSplitColumns.Select(c => Split(training, trainRows, c)).ToList(),
            MissingLabelRows = missingLabels,
        };
        if (data.Inputs.Count == 0)
        {
            throw new ConfigException(
                "No column of trainingData can be used as a feature: " +
                string.Join(", ", profiles.Select(p => $"'{p.Name}' ({p.Purpose})")) + ".", "featurization");
        }

        return request.Task == TaskKind.Classification ? WithClasses(data, sources, request) : WithTargets(data, sources, request.LabelColumn);
    }

    private static TrainingData WithClasses(TrainingData data, List<(DataFrame Frame, int[] Rows)> sources, Request request)
    {
        DataFrameColumn label = request.Training[request.LabelColumn];
        List<object> classes = ClassLabels.Distinct(label);
        if (request.Validation is not null)
        {
            foreach (object extra in ClassLabels.Distinct(request.Validation[request.LabelColumn]))
            {
                if (!classes.Contains(extra)) classes.Add(extra);
            }
        }

        if (classes.Count < 2)
        {
            throw new ConfigException(
                $"The label column '{request.LabelColumn}' has {classes.Count} distinct value(s); classification needs at least two classes.", "labelColumnName");
        }

        if (label.DataType == DataFrameColumnType.Float && classes.Count > 100 && classes.Count > data.RowCount / 2)
        {
            throw new ConfigException(
                $"The label column '{request.LabelColumn}' holds {classes.Count} distinct numbers; this looks like a regression target. Use task: \"regression\".", "task");
        }

        int positive = classes.Count - 1;
        if (request.PositiveLabel is { } wanted)
        {
            if (classes.Count != 2) throw new ConfigException("positiveLabel applies to binary classification only; the label has " + classes.Count + " classes.", "positiveLabel");
            positive = classes.FindIndex(c => ClassLabels.Format(c) == ClassLabels.Format(wanted));
            if (positive < 0)
            {
                throw new ConfigException(
                    $"positiveLabel '{ClassLabels.Format(wanted)}' is not a class of '{request.LabelColumn}'; the classes are {string.Join(", ", classes.Select(ClassLabels.Format))}.",
                    "positiveLabel");
            }
        }

        var labels = new ClassLabels(label.DataType, classes, positive);
        var index = new int[data.RowCount];
        int at = 0;
        foreach ((DataFrame frame, int[] rows) in sources)
        {
            DataFrameColumn column = frame[request.LabelColumn];
            foreach (int row in rows) index[at++] = labels.IndexOf(column[row]!);
        }

        return data with { Classes = labels, ClassIndex = index };
    }

    private static TrainingData WithTargets(TrainingData data, List<(DataFrame Frame, int[] Rows)> sources, string labelColumn)
    {
        var targets = new double[data.RowCount];
        int at = 0;
        foreach ((DataFrame frame, int[] rows) in sources)
        {
            DataFrameColumn column = frame[labelColumn];
            if (column.DataType is not (DataFrameColumnType.Integer or DataFrameColumnType.Float))
            {
                throw new ConfigException($"The label column '{labelColumn}' holds {column.DataType} values; regression needs numbers.", "labelColumnName");
            }

            foreach (int row in rows) targets[at++] = column.GetDouble(row);
        }

        return data with { Targets = targets };
    }

    private static InputColumn Input(ColumnProfile profile, List<(DataFrame Frame, int[] Rows)> sources, int trainingRows)
    {
        int count = sources.Sum(s => s.Rows.Length);
        switch (profile.Purpose)
        {
            case ColumnPurpose.Categorical or ColumnPurpose.CategoricalHash:
            {
                var strings = new string[count];
                Fill(sources, profile.Name, strings, (column, row) => column[row] switch
                {
                    null => "",
                    string s => s,
                    object value => ClassLabels.Format(value),
                });
                bool fills = profile.Purpose == ColumnPurpose.Categorical && profile.MissingCount > 0;
                return new InputColumn
                {
                    Name = profile.Name, Kind = InputKind.String, Purpose = profile.Purpose, Strings = strings, HasMissing = profile.MissingCount > 0,
                    FillValue = fills ? MostFrequent(strings, trainingRows) : null,
                    Categories = fills ? strings.Take(trainingRows).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray() : Array.Empty<string>(),
                };
            }

            case ColumnPurpose.DateTime:
            {
                var seconds = new double[count];
                Fill(sources, profile.Name, seconds, (column, row) => column.IsNull(row) ? double.NaN : DateTimeParts.ToUnixSeconds(column.GetDateTime(row)));
                return new InputColumn
                {
                    Name = profile.Name, Kind = InputKind.DateTime, Purpose = profile.Purpose, Seconds = seconds,
                    DateParts = VaryingParts(seconds, trainingRows), HasMissing = profile.MissingCount > 0,
                };
            }

            default:
            {
                var floats = new float[count];
                Fill(sources, profile.Name, floats, (column, row) => (float)column.GetDouble(row));
                return new InputColumn { Name = profile.Name, Kind = InputKind.Float, Purpose = profile.Purpose, Floats = floats, HasMissing = profile.MissingCount > 0 };
            }
        }
    }

    private static void Fill<T>(List<(DataFrame Frame, int[] Rows)> sources, string name, T[] target, Func<DataFrameColumn, int, T> read)
    {
        int at = 0;
        foreach ((DataFrame frame, int[] rows) in sources)
        {
            DataFrameColumn column = frame[name];
            foreach (int row in rows) target[at++] = read(column, row);
        }
    }

    private static string MostFrequent(string[] values, int trainingRows)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < trainingRows; i++)
        {
            if (values[i].Length > 0) counts[values[i]] = counts.GetValueOrDefault(values[i]) + 1;
        }

        // Ties go to the ordinally smallest value, so the choice does not depend on row order.
        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault() ?? "";
    }

    private static IReadOnlyList<string> VaryingParts(double[] seconds, int trainingRows)
    {
        var seen = new HashSet<float>[DateTimeParts.Names.Count];
        for (int p = 0; p < seen.Length; p++) seen[p] = new HashSet<float>();
        for (int i = 0; i < trainingRows; i++)
        {
            if (double.IsNaN(seconds[i])) continue;
            float[] parts = DateTimeParts.Compute(seconds[i]);
            for (int p = 0; p < parts.Length; p++) seen[p].Add(parts[p]);
        }

        return DateTimeParts.Names.Where((_, p) => seen[p].Count > 1).ToList();
    }

    private static float[] Weights(List<(DataFrame Frame, int[] Rows)> sources, string weightColumn)
    {
        var weights = new float[sources.Sum(s => s.Rows.Length)];
        Fill(sources, weightColumn, weights, (column, row) => (float)column.GetDouble(row));
        foreach (float w in weights)
        {
            if (!(w >= 0) || float.IsInfinity(w))
            {
                throw new ConfigException($"The weight column '{weightColumn}' has a missing, negative or infinite value; sample weights must be non-negative numbers.", "weightColumnName");
            }
        }

        return weights;
    }

    private static bool[] Split(DataFrame frame, int[] rows, string column)
    {
        DataFrameColumn values = frame[column];
        var train = new bool[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            double value = values.GetDouble(rows[i]);
            if (value is not (0 or 1))
            {
                throw new ConfigException($"The cross-validation split column '{column}' must hold 1 (train) or 0 (validate) in every row; row {rows[i]} holds {value}.", "cvSplitColumnNames");
            }

            train[i] = value == 1;
        }

        return train;
    }

    private static int[] LabelledRows(DataFrameColumn label)
    {
        var rows = new List<int>(label.Length);
        for (int row = 0; row < label.Length; row++)
        {
            object? value = label[row];
            if (value is null || (value is double d && double.IsNaN(d)) || (value is string s && s.Length == 0)) continue;
            rows.Add(row);
        }

        return rows.ToArray();
    }

    private static int Ordinal(DataFrame frame, string name) => frame.ColumnNames.ToList().IndexOf(name);

    private static void RequireColumn(DataFrame frame, string name, string parameter, string dataName)
    {
        if (!frame.TryGetColumn(name, out _))
        {
            throw new ConfigException(
                $"{parameter} '{name}' is not a column of {dataName}. Columns: {string.Join(", ", frame.ColumnNames.Select(n => $"'{n}'"))}.", parameter);
        }
    }

    private static void RequireNumeric(DataFrame frame, string name, string parameter)
    {
        RequireColumn(frame, name, parameter, "trainingData");
        if (frame[name].DataType is not (DataFrameColumnType.Integer or DataFrameColumnType.Float or DataFrameColumnType.Boolean))
        {
            throw new ConfigException($"{parameter} '{name}' holds {frame[name].DataType} values; it must hold numbers.", parameter);
        }
    }
}
