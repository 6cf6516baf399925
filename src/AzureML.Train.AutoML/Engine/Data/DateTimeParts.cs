namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// The numbers a date-time column becomes. Models take a date-time as seconds since 1970-01-01 (UTC, a double,
/// NaN when missing) and compute these parts inside the ONNX graph with the same arithmetic as here.
/// </summary>
internal static class DateTimeParts
{
    /// <summary>The parts, in the order their columns are added.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "year", "month", "day", "dayofweek", "hour", "minute", "second" };

    /// <summary>Seconds since the Unix epoch, as the model input carries them.</summary>
    public static double ToUnixSeconds(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return Math.Floor((utc - DateTime.UnixEpoch).TotalSeconds);
    }

    /// <summary>The column name of one part of <paramref name="column"/>.</summary>
    public static string ColumnName(string column, string part) => column + "_" + part;

    /// <summary>The parts of a date-time given as Unix seconds (NaN gives NaN parts), Monday = 0.</summary>
    public static float[] Compute(double unixSeconds)
    {
        var parts = new float[Names.Count];
        if (double.IsNaN(unixSeconds))
        {
            Array.Fill(parts, float.NaN);
            return parts;
        }

        (double year, double month, double day, double dayOfWeek, double hour, double minute, double second) = Civil(unixSeconds);
        parts[0] = (float)year;
        parts[1] = (float)month;
        parts[2] = (float)day;
        parts[3] = (float)dayOfWeek;
        parts[4] = (float)hour;
        parts[5] = (float)minute;
        parts[6] = (float)second;
        return parts;
    }

    /// <summary>
    /// The civil calendar from a day count (Howard Hinnant's days-from-civil inverse), written with only floor
    /// division, multiplication and subtraction so that the ONNX graph can do exactly the same steps in doubles.
    /// Seconds are shifted so that every quantity is non-negative for years 0 and later.
    /// </summary>
    internal static (double Year, double Month, double Day, double DayOfWeek, double Hour, double Minute, double Second) Civil(double unixSeconds)
    {
        double shifted = unixSeconds + (ShiftDays * SecondsPerDay);
        double z = Math.Floor(shifted / SecondsPerDay);
        double secondOfDay = shifted - (z * SecondsPerDay);
        double era = Math.Floor(z / 146097);
        double doe = z - (era * 146097);
        double yoe = Math.Floor((doe - Math.Floor(doe / 1460) + Math.Floor(doe / 36524) - Math.Floor(doe / 146096)) / 365);
        double doy = doe - ((365 * yoe) + Math.Floor(yoe / 4) - Math.Floor(yoe / 100));
        double mp = Math.Floor(((5 * doy) + 2) / 153);
        double day = doy - Math.Floor(((153 * mp) + 2) / 5) + 1;
        double month = mp + 3 - (12 * Math.Floor(mp / 10));
        double year = yoe + (era * 400) + Math.Floor((14 - month) / 12);
        double dayOfWeek = (z + 2) - (7 * Math.Floor((z + 2) / 7));
        double hour = Math.Floor(secondOfDay / 3600);
        double minute = Math.Floor((secondOfDay - (hour * 3600)) / 60);
        double second = secondOfDay - (hour * 3600) - (minute * 60);
        return (year, month, day, dayOfWeek, hour, minute, second);
    }

    internal const double SecondsPerDay = 86400;

    // Days from 0000-03-01 to 1970-01-01.
    internal const double ShiftDays = 719468;
}
