using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>RAPL over a fake powercap folder: package zones summed, sub-zones and psys left out, counters that wrap.</summary>
public sealed class RaplEnergyReaderTests
{
    private string root = "";

    [SetUp]
    public void CreateFolder()
    {
        root = Path.Combine(Path.GetTempPath(), "misnomer-rapl", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [Test]
    public void Packages_are_summed_and_sub_zones_and_psys_left_out()
    {
        Zone("intel-rapl:0", "package-0", 1_000_000, 262_143_328_850);
        Zone("intel-rapl:0:0", "core", 5_000_000, 262_143_328_850);
        Zone("intel-rapl:1", "package-1", 2_000_000, 262_143_328_850);
        Zone("intel-rapl:2", "psys", 9_000_000, 262_143_328_850);
        var meter = new RaplEnergyReader(root);

        meter.Start();
        Energy("intel-rapl:0", 3_500_000);
        Energy("intel-rapl:0:0", 9_000_000);
        Energy("intel-rapl:1", 2_250_000);
        Energy("intel-rapl:2", 90_000_000);
        var joules = meter.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(meter.Source, Is.EqualTo("RAPL package-0, package-1"));
            Assert.That(joules.UnavailableReason, Is.Null);
            Assert.That(joules.Value, Is.EqualTo(2.75).Within(1e-9));
        });
    }

    [Test]
    public void A_counter_that_wrapped_counts_through_its_range()
    {
        Zone("intel-rapl:0", "package-0", 999_000, 1_000_000);
        var meter = new RaplEnergyReader(root);

        meter.Start();
        Energy("intel-rapl:0", 500);

        Assert.That(meter.Stop().Value, Is.EqualTo(0.0015).Within(1e-12));
    }

    [Test]
    public void No_powercap_folder_is_unavailable_with_the_reason()
    {
        var meter = new RaplEnergyReader(Path.Combine(root, "absent"));
        meter.Start();
        Assert.That(meter.Stop().UnavailableReason, Does.StartWith("RAPL unavailable: ").And.Contain("does not exist"));
    }

    [Test]
    public void No_package_zone_is_unavailable()
    {
        Directory.CreateDirectory(Path.Combine(root, "dtpm"));
        Assert.That(new RaplEnergyReader(root).UnavailableReason, Is.EqualTo($"RAPL unavailable: no intel-rapl package zone under {root}"));
    }

    [Test]
    public void An_unreadable_counter_is_unavailable_naming_the_file()
    {
        Zone("intel-rapl:0", "package-0", 1, 1_000_000);
        File.Delete(Path.Combine(root, "intel-rapl:0", "energy_uj"));
        var meter = new RaplEnergyReader(root);
        meter.Start();
        Assert.That(meter.Stop().UnavailableReason, Does.StartWith("RAPL unavailable: cannot read ").And.Contain("energy_uj"));
    }

    [Test]
    public void A_counter_that_is_not_a_number_is_unavailable()
    {
        Zone("intel-rapl:0", "package-0", 1, 1_000_000);
        Energy("intel-rapl:0", "n/a");
        Assert.That(new RaplEnergyReader(root).UnavailableReason, Does.EndWith("holds 'n/a', not a number"));
    }

    private void Zone(string folder, string name, long energy, long range)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, folder, "name"), name + "\n");
        File.WriteAllText(Path.Combine(root, folder, "max_energy_range_uj"), $"{range}\n");
        Energy(folder, energy);
    }

    private void Energy(string folder, object value) => File.WriteAllText(Path.Combine(root, folder, "energy_uj"), $"{value}\n");
}
