namespace CallMonitor.Models;

/// <summary>What the models folder holds for one model.</summary>
public enum ModelState
{
    /// <summary>Every required file is there and no file fails its check: the model can be used.</summary>
    Installed,

    /// <summary>Nothing of the model is installed.</summary>
    Missing,

    /// <summary>Some required files are there, others are not.</summary>
    Incomplete,

    /// <summary>A file has another size or sha256 than the manifest records.</summary>
    Corrupt,
}
