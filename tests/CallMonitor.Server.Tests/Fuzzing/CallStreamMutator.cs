using System.Buffers.Binary;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Tests.Support;
using Google.Protobuf;

namespace CallMonitor.Server.Tests.Fuzzing;

/// <summary>Seeded request bodies for StreamCall: gRPC length-prefixed messages, hostile at the framing or the protobuf level.</summary>
internal static class CallStreamMutator
{
    public const int Kinds = 10;

    /// <summary>The whole request body for <paramref name="seed"/>, and what is wrong with it.</summary>
    public static byte[] Body(int seed, out string kind)
    {
        var rng = new Random(seed);
        var body = new MemoryStream();
        string callId = $"fuzz-{seed}";
        CallFrame start = CallFrames.TextCallStart(callId, "fuzz-agent", "fuzz");
        if (seed % Kinds is not (6 or 7))
        {
            Frame(body, start.ToByteArray());
        }

        switch (seed % Kinds)
        {
            case 0:
                byte[] random = new byte[rng.Next(1, 2000)];
                rng.NextBytes(random);
                Frame(body, random);
                kind = $"{random.Length} random bytes";
                break;
            case 1:
                byte[] said = CallFrames.Said(Speaker.Agent, 1, 2, "您好，请问有什么可以帮您").ToByteArray();
                int keep = rng.Next(1, said.Length);
                Frame(body, said[..keep]);
                kind = $"CallFrame cut to {keep} of {said.Length} bytes";
                break;
            case 2:
                uint declared = rng.Next(3) switch { 0 => 0xFFFFFFFF, 1 => 0x7FFFFFFF, _ => (uint)rng.Next(5 << 20, int.MaxValue) };
                byte[] header = [0, 0, 0, 0, 0];
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), declared);
                body.Write(header);
                body.Write(new byte[rng.Next(0, 100)]);
                kind = $"length prefix 0x{declared:X8}";
                break;
            case 3:
                byte[] audio = new byte[(rng.Next(1, 500) * 2) + 1];
                rng.NextBytes(audio);
                Frame(body, CallFrames.Audio(audio, Speaker.Agent).ToByteArray());
                kind = $"audio chunk of {audio.Length} bytes";
                break;
            case 4:
                var speaker = (Speaker)rng.Next(3, int.MaxValue);
                Frame(body, (rng.Next(2) == 0 ? CallFrames.Audio(new byte[320], speaker) : CallFrames.Said(speaker, 1, 2, "您好")).ToByteArray());
                kind = $"speaker {(int)speaker}";
                break;
            case 5:
                double[] times = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -5, 1e300, double.MaxValue, 0];
                double from = times[rng.Next(times.Length)];
                double to = times[rng.Next(times.Length)];
                string text = new('话', rng.Next(2) == 0 ? 34_000 : 3); // 34,000 CJK chars = 102,000 UTF-8 bytes
                Frame(body, CallFrames.Said(Speaker.Agent, from, to, text).ToByteArray());
                kind = $"transcript {from}..{to}, {text.Length} chars";
                break;
            case 6:
                var longIds = CallFrames.TextCallStart(new string('c', 10_000) + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('a', 10_000), new string('t', 10_000));
                Frame(body, longIds.ToByteArray());
                kind = "CallStart with 10,000-char ids";
                break;
            case 7:
                int[] rates = [int.MaxValue, 0, -1, 1, int.MinValue];
                int[] channels = [int.MaxValue, 0, -1, 65536, 3];
                var odd = CallFrames.Start(callId, AudioEncoding.Pcm16, rates[rng.Next(rates.Length)], channels[rng.Next(channels.Length)], Speaker.Agent);
                Frame(body, odd.ToByteArray());
                Frame(body, CallFrames.Audio(new byte[640]).ToByteArray());
                kind = $"CallStart rate {odd.Start.Format.SampleRate}, channels {odd.Start.Format.Channels}";
                break;
            case 8:
                byte[] flipped = CallFrames.Said(Speaker.Customer, 3, 4, "我要投诉").ToByteArray();
                int flips = rng.Next(1, 6);
                for (int i = 0; i < flips; i++)
                {
                    flipped[rng.Next(flipped.Length)] ^= (byte)(1 << rng.Next(8));
                }

                Frame(body, flipped);
                kind = $"CallFrame with {flips} flipped bits";
                break;
            default:
                byte[] message = CallFrames.Said(Speaker.Agent, 1, 2, "请稍等").ToByteArray();
                int claimed = rng.Next(0, message.Length);
                body.WriteByte(0);
                Span<byte> length = stackalloc byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, claimed);
                body.Write(length);
                body.Write(message);
                kind = $"length prefix {claimed} for a {message.Length}-byte message";
                break;
        }

        if (rng.Next(2) == 0)
        {
            Frame(body, CallFrames.End().ToByteArray());
        }

        return body.ToArray();
    }

    private static void Frame(MemoryStream body, byte[] message)
    {
        body.WriteByte(0);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, message.Length);
        body.Write(length);
        body.Write(message);
    }
}
