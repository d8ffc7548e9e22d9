namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>Energy consumed between <see cref="Start"/> and <see cref="Stop"/>, or why it cannot be read here.</summary>
public interface IEnergyMeter
{
    /// <summary>What is measured, e.g. <c>NVML GPU 0</c> or <c>RAPL package-0, package-1</c>.</summary>
    string Source { get; }

    void Start();

    /// <summary>Joules since <see cref="Start"/>.</summary>
    Reading<double> Stop();
}
