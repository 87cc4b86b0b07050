using System.Net;
using System.Net.Sockets;

namespace Regional.Testing;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A port that was free on 127.0.0.1 a moment ago (the kernel's choice for port 0). Never
    /// returns the same port twice in one process, so several ports taken in a row differ.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Gate)
            {
                if (Handed.Add(port) || attempt > 50)
                {
                    return port;
                }
            }
        }
    }

    /// <summary>True if something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
