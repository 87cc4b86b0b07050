using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Regional.Testing;

/// <summary>A minimal client of the Erlang port mapper daemon's TCP protocol.</summary>
internal static class Epmd
{
    private const byte NamesRequest = 110; // 'n'
    private const byte KillRequest = 107; // 'k'

    /// <summary>The short node names registered with the epmd on <paramref name="port"/>; empty if none answers.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(int port, CancellationToken cancellationToken)
    {
        var reply = await RequestAsync(port, NamesRequest, cancellationToken).ConfigureAwait(false);
        if (reply is null || reply.Length < 4)
        {
            return [];
        }

        // 4 bytes of epmd's own port, then lines "name NAME at port PORT".
        return Encoding.ASCII.GetString(reply, 4, reply.Length - 4)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length >= 2 && parts[0] == "name")
            .Select(parts => parts[1])
            .ToList();
    }

    /// <summary>Asks the epmd on <paramref name="port"/> to exit (it refuses while nodes are registered).</summary>
    public static async Task KillAsync(int port, CancellationToken cancellationToken)
    {
        await RequestAsync(port, KillRequest, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]?> RequestAsync(int port, byte request, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, request }, timeout.Token).ConfigureAwait(false);
            using var reply = new MemoryStream();
            await stream.CopyToAsync(reply, timeout.Token).ConfigureAwait(false);
            return reply.ToArray();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
