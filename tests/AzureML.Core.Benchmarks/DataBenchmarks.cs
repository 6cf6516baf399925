using System.Diagnostics;
using System.Globalization;
using System.Text;
using AzureML.Core.Data;

namespace AzureML.Core.Benchmarks;

/// <summary>
/// Data numbers: <see cref="TabularDataset.ToDataFrame"/> of a generated 1,000,000-row × 10-column CSV of mixed
/// types (cold read, best warm read, retained managed bytes of the frame, peak working set), and
/// <see cref="Datastore.Upload"/> of 2,000 small files into a local workspace's default datastore.
/// The CSV is written with a streaming writer and read before anything else big is allocated, so the peak working
/// set measured right after the cold read belongs to the read. "Cold" means the first read in the process (JIT
/// included); the file was just written, so it is in the OS page cache either way. 1 MB = 10^6 bytes.
/// </summary>
internal static class DataBenchmarks
{
    private const int Rows = 1_000_000;
    private const int WarmReads = 3;
    private const int UploadFiles = 2_000;
    private const int MinFileBytes = 2 * 1024;
    private const int MaxFileBytes = 30 * 1024;
    private const int UploadRounds = 3;
    private const double MB = 1_000_000.0;

    private static readonly string[] Categories = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

    private static readonly string[] Words =
    [
        "azure", "model", "dataset", "run", "metric", "compute", "cluster", "node", "pipeline", "step",
        "score", "deploy", "image", "blob", "store", "label", "feature", "train", "test", "value",
    ];

    public static void Execute()
    {
        string root = Directory.CreateTempSubdirectory("azureml-data-bench-").FullName;
        try
        {
            ReadCsv(root);
            Upload(root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void ReadCsv(string root)
    {
        string csv = Path.Combine(root, "mixed.csv");
        var clock = Stopwatch.StartNew();
        WriteCsv(csv);
        double writeSeconds = clock.Elapsed.TotalSeconds;
        long fileBytes = new FileInfo(csv).Length;
        Print($"CSV {Rows:N0} rows x 10 columns (3 integer, 3 float, boolean, category, ISO date, quoted text): {fileBytes / MB:F1} MB, written in {writeSeconds:F2} s");

        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(csv);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        DataFrame frame = dataset.ToDataFrame();
        double coldSeconds = clock.Elapsed.TotalSeconds;
        long peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(frame);

        string types = string.Join(", ", frame.Columns.Select(c => $"{c.Name}:{c.DataType}"));
        Print($"  frame: {frame.RowCount:N0} rows; {types}");
        Print($"  ToDataFrame cold (first read in the process): {coldSeconds:F2} s, {frame.RowCount / coldSeconds:N0} rows/s, {fileBytes / MB / coldSeconds:F1} MB/s");
        Print($"  retained managed bytes of the DataFrame: {(after - before) / MB:F1} MB ({(double)(after - before) / frame.RowCount:F1} bytes/row, {(double)(after - before) / fileBytes:F2}x the file)");
        Print($"  process peak working set after the cold read: {peakWorkingSet / MB:F1} MB");
        frame = null!;
        GC.Collect();

        double best = double.MaxValue;
        int rows = 0;
        for (int i = 0; i < WarmReads; i++)
        {
            clock.Restart();
            DataFrame warm = dataset.ToDataFrame();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            rows = warm.RowCount;
            warm = null!;
            GC.Collect();
        }

        Print($"  ToDataFrame warm (best of {WarmReads}): {best:F2} s, {rows / best:N0} rows/s, {fileBytes / MB / best:F1} MB/s");
        File.Delete(csv);
    }

    private static void WriteCsv(string path)
    {
        var random = new Random(20240601);
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var line = new StringBuilder(256);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.Write("id,count,amount_cents,ratio,price,delta,active,category,day,comment\n");
        for (int row = 0; row < Rows; row++)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{row},{random.Next(0, 1000)},{random.NextInt64(-1_000_000_000_000, 1_000_000_000_000)},");
            line.Append(CultureInfo.InvariantCulture, $"{random.NextDouble()},{Math.Round(random.NextDouble() * 10_000, 2)},{(random.NextDouble() - 0.5) * 200:F6},");
            line.Append(random.Next(2) == 0 ? "true," : "false,");
            line.Append(Categories[random.Next(Categories.Length)]).Append(',');
            line.Append(start.AddDays(random.Next(0, 9000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(",\"");
            int words = random.Next(3, 9);
            for (int w = 0; w < words; w++)
            {
                if (w > 0) line.Append(random.Next(3) == 0 ? ", " : " ");
                line.Append(Words[random.Next(Words.Length)]);
            }

            line.Append("\"\n");
            writer.Write(line);
        }
    }

    private static void Upload(string root)
    {
        string source = Directory.CreateDirectory(Path.Combine(root, "upload-src")).FullName;
        var random = new Random(20240602);
        long totalBytes = 0;
        byte[] buffer = new byte[MaxFileBytes];
        for (int i = 0; i < UploadFiles; i++)
        {
            int size = random.Next(MinFileBytes, MaxFileBytes + 1);
            random.NextBytes(buffer.AsSpan(0, size));
            File.WriteAllBytes(Path.Combine(source, $"file-{i:D4}.bin"), buffer.AsSpan(0, size));
            totalBytes += size;
        }

        Workspace ws = Workspace.Local(Path.Combine(root, "ws"));
        Datastore datastore = ws.GetDefaultDatastore();
        var seconds = new List<double>();
        for (int round = 0; round < UploadRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            datastore.Upload(source, $"bench/upload-{round}", overwrite: false, showProgress: false);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        double best = seconds.Min();
        string all = string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)));
        Print($"Datastore.Upload of {UploadFiles:N0} files ({totalBytes / MB:F1} MB, {MinFileBytes / 1024}-{MaxFileBytes / 1024} KB each) into a fresh local workspace's default datastore:");
        Print($"  best of {UploadRounds} (each into a new target path): {best:F2} s, {UploadFiles / best:N0} files/s, {totalBytes / MB / best:F1} MB/s (rounds: {all} s)");
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
