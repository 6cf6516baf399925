using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AzureML.Core.Benchmarks;

/// <summary>A small keep-alive HTTP load loop on loopback, bounded in time.</summary>
internal static class DotnetLoad
{
    public static string Run(string uri, string body, int workers, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers });
        var latencies = new List<double>[workers];
        var clock = Stopwatch.StartNew();
        Task[] tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>();
            while (clock.Elapsed < duration)
            {
                long start = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await http.PostAsync(uri, new StringContent(body, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(tasks);
        List<double> all = latencies.SelectMany(l => l).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {Stats.Percentile(all, 50):F3} ms, p99 {Stats.Percentile(all, 99):F3} ms, {all.Count / clock.Elapsed.TotalSeconds:F0} requests/s");
    }
}
