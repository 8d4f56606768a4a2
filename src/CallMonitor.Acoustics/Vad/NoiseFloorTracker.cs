namespace CallMonitor.Acoustics.Vad;

/// <summary>
/// Follows the background level of a channel in dB: drops at once to a quieter frame, rises slowly while
/// there is no speech, and holds during speech, so a talker never lifts the floor over themselves.
/// </summary>
internal sealed class NoiseFloorTracker
{
    private const double RisePerFrameDb = 0.02; // 2 dB per second of 10 ms frames
    private const double InitialDb = -70;
    private double _floor = InitialDb;
    private bool _seeded;

    public double Update(double levelDb, bool speechActive)
    {
        if (!_seeded)
        {
            _floor = Math.Max(levelDb, InitialDb);
            _seeded = true;
        }
        else if (levelDb < _floor)
        {
            _floor = Math.Max(levelDb, InitialDb);
        }
        else if (!speechActive)
        {
            _floor = Math.Min(levelDb, _floor + RisePerFrameDb);
        }

        return _floor;
    }
}
