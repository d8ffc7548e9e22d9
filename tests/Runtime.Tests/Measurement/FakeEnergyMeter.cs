using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>An energy meter whose answer the test chooses; it records when it was started.</summary>
internal sealed class FakeEnergyMeter : IEnergyMeter
{
    private readonly Reading<double> answer;

    public FakeEnergyMeter(Reading<double> answer) => this.answer = answer;

    public string Source => "fake meter";

    public int Starts { get; private set; }

    public int Stops { get; private set; }

    public void Start() => Starts++;

    public Reading<double> Stop()
    {
        Stops++;
        return answer;
    }
}
