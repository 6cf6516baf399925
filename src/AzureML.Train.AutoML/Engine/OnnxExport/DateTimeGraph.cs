using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>
/// The ONNX nodes that compute a date-time input's parts from seconds since 1970-01-01, step for step as
/// <see cref="DateTimeParts.Civil"/> computes them in training, so both give identical numbers.
/// </summary>
internal static class DateTimeGraph
{
    public static void AddParts(OnnxGraphWriter writer, InputColumn input)
    {
        var g = new Arithmetic(writer);
        string shifted = g.Add(input.Name, g.C(DateTimeParts.ShiftDays * DateTimeParts.SecondsPerDay));
        string z = g.Floor(g.Div(shifted, g.C(DateTimeParts.SecondsPerDay)));
        string secondOfDay = g.Sub(shifted, g.Mul(z, g.C(DateTimeParts.SecondsPerDay)));
        string era = g.Floor(g.Div(z, g.C(146097)));
        string doe = g.Sub(z, g.Mul(era, g.C(146097)));
        string yoe = g.Floor(g.Div(
            g.Sub(g.Add(g.Sub(doe, g.Floor(g.Div(doe, g.C(1460)))), g.Floor(g.Div(doe, g.C(36524)))), g.Floor(g.Div(doe, g.C(146096)))),
            g.C(365)));
        string doy = g.Sub(doe, g.Sub(g.Add(g.Mul(g.C(365), yoe), g.Floor(g.Div(yoe, g.C(4)))), g.Floor(g.Div(yoe, g.C(100)))));
        string mp = g.Floor(g.Div(g.Add(g.Mul(g.C(5), doy), g.C(2)), g.C(153)));
        string day = g.Add(g.Sub(doy, g.Floor(g.Div(g.Add(g.Mul(g.C(153), mp), g.C(2)), g.C(5)))), g.C(1));
        string month = g.Sub(g.Add(mp, g.C(3)), g.Mul(g.C(12), g.Floor(g.Div(mp, g.C(10)))));
        string year = g.Add(g.Add(yoe, g.Mul(era, g.C(400))), g.Floor(g.Div(g.Sub(g.C(14), month), g.C(12))));
        string zPlus = g.Add(z, g.C(2));
        string dayOfWeek = g.Sub(zPlus, g.Mul(g.C(7), g.Floor(g.Div(zPlus, g.C(7)))));
        string hour = g.Floor(g.Div(secondOfDay, g.C(3600)));
        string minute = g.Floor(g.Div(g.Sub(secondOfDay, g.Mul(hour, g.C(3600))), g.C(60)));
        string second = g.Sub(g.Sub(secondOfDay, g.Mul(hour, g.C(3600))), g.Mul(minute, g.C(60)));
        var parts = new Dictionary<string, string>
        {
            ["year"] = year, ["month"] = month, ["day"] = day, ["dayofweek"] = dayOfWeek, ["hour"] = hour, ["minute"] = minute, ["second"] = second,
        };
        foreach (string part in input.DateParts)
        {
            writer.Node("Cast", new[] { parts[part] }, input.PartColumn(part), attributes: ("to", (long)global::Onnx.TensorProto.Types.DataType.Float));
        }
    }

    private sealed class Arithmetic(OnnxGraphWriter writer)
    {
        public string C(double value) => writer.ScalarConstant(value);
        public string Add(string a, string b) => writer.Node("Add", new[] { a, b });
        public string Sub(string a, string b) => writer.Node("Sub", new[] { a, b });
        public string Mul(string a, string b) => writer.Node("Mul", new[] { a, b });
        public string Div(string a, string b) => writer.Node("Div", new[] { a, b });
        public string Floor(string a) => writer.Node("Floor", new[] { a });
    }
}
