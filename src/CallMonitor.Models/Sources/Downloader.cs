using System.Globalization;
using System.Net;

namespace CallMonitor.Models;

// Streams one URL into a file. A failure of any kind (no network, DNS, HTTP error, stalled transfer, a size that
// does not match the manifest) becomes a ModelDownloadException that says where to put the file instead.
internal sealed class Downloader(HttpClient http, TimeProvider time, TimeSpan stallTimeout)
{
    public async Task DownloadAsync(
        Uri url, string destination, long? expectedSize, string item, string whereToPutIt, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"downloading {item} from {url}");
        using var stall = new CancellationTokenSource(stallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Fail($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null);
            }

            var announced = response.Content.Headers.ContentLength;
            if (expectedSize is { } size && announced is { } length && length != size)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"the server sends {length} bytes, the manifest expects {size}"), null);
            }

            var total = expectedSize ?? announced;
            var input = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await using (output.ConfigureAwait(false))
                {
                    await CopyAsync(input, output, total, () => stall.CancelAfter(stallTimeout), item, progress, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"no data for {stallTimeout.TotalSeconds:0} s"), e);
        }
        catch (HttpRequestException e)
        {
            throw Fail(Reason(e), e);
        }
        catch (IOException e)
        {
            throw Fail(e.Message, e);
        }

        ModelDownloadException Fail(string reason, Exception? inner) => new(item, url, reason, whereToPutIt, inner);
    }

    private static async Task CopyAsync(
        Stream input, Stream output, long? total, Action dataArrived, string item, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long copied = 0;
        var nextReport = 0.1;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            dataArrived();
            copied += read;
            if (total is { } limit && copied > limit)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the server sent more than the {limit} bytes expected"));
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            if (total is > 0 && copied >= nextReport * total.Value)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"  {item}: {copied / 1e6:0.0}/{total.Value / 1e6:0.0} MB"));
                nextReport += 0.1;
            }
        }
    }

    // "Name or service not known (github.com:443)" is what a person needs; keep the innermost socket message.
    private static string Reason(HttpRequestException e)
    {
        var inner = e.InnerException?.Message;
        var status = e.StatusCode is { } code ? $"HTTP {(int)code} " : string.Empty;
        return inner is null || e.Message.Contains(inner, StringComparison.Ordinal) ? status + e.Message : $"{status}{e.Message} ({inner})";
    }

    public static HttpClient CreateDefaultClient() =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
