using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The variables distributed frameworks read to find their peers (PyTorch's env:// rendezvous, Open MPI and
/// Intel MPI ranks, Azure ML's own names), for a run whose nodes are processes on this machine: one
/// process per node, all meeting at 127.0.0.1.
/// </summary>
internal static class DistributedVariables
{
    /// <summary>The variables of node <paramref name="rank"/> of <paramref name="worldSize"/>, meeting on <paramref name="masterPort"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForNode(int rank, int worldSize, int masterPort)
    {
        string node = rank.ToString(CultureInfo.InvariantCulture);
        string size = worldSize.ToString(CultureInfo.InvariantCulture);
        string port = masterPort.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RANK"] = node,
            ["WORLD_SIZE"] = size,
            ["LOCAL_RANK"] = "0",
            ["LOCAL_WORLD_SIZE"] = "1",
            ["NODE_RANK"] = node,
            ["MASTER_ADDR"] = "127.0.0.1",
            ["MASTER_PORT"] = port,
            ["AZ_BATCHAI_TASK_INDEX"] = node,
            ["AZ_BATCH_MASTER_NODE"] = "127.0.0.1:" + port,
            ["AZ_BATCHAI_MPI_MASTER_NODE"] = "127.0.0.1",
            ["OMPI_COMM_WORLD_RANK"] = node,
            ["OMPI_COMM_WORLD_SIZE"] = size,
            ["OMPI_COMM_WORLD_LOCAL_RANK"] = "0",
            ["OMPI_COMM_WORLD_LOCAL_SIZE"] = "1",
            ["OMPI_COMM_WORLD_NODE_RANK"] = node,
            ["PMI_RANK"] = node,
            ["PMI_SIZE"] = size,
        };
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now, for node 0 to listen on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
