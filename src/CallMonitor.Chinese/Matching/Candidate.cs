namespace CallMonitor.Chinese.Matching;

/// <summary>A raw hit of one compiled string (a phrase or an exception) in normalised text.</summary>
internal readonly record struct Candidate(int Entry, int Start, int Length, MatchKind Kind, double Similarity)
{
    public int End => Start + Length;

    public bool Overlaps(Candidate other) => Start < other.End && other.Start < End;

    public bool Covers(Candidate other) => Start <= other.Start && other.End <= End;
}
