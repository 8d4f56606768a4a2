namespace CallMonitor.Acoustics.Rate;

/// <summary>In-place iterative radix-2 complex FFT (length a power of two).</summary>
internal static class Fft
{
    public static void Transform(double[] re, double[] im)
    {
        var n = re.Length;
        if (n != im.Length || (n & (n - 1)) != 0)
        {
            throw new ArgumentException($"FFT length {n} must be a power of two and equal for both parts", nameof(re));
        }

        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            double stepRe = Math.Cos(angle), stepIm = Math.Sin(angle);
            for (var block = 0; block < n; block += length)
            {
                double wRe = 1, wIm = 0;
                for (var k = 0; k < length / 2; k++)
                {
                    int a = block + k, b = a + (length / 2);
                    var tRe = (re[b] * wRe) - (im[b] * wIm);
                    var tIm = (re[b] * wIm) + (im[b] * wRe);
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    var next = (wRe * stepRe) - (wIm * stepIm);
                    wIm = (wRe * stepIm) + (wIm * stepRe);
                    wRe = next;
                }
            }
        }
    }
}
