using EfficiencyMisnomer.Runtime.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>Other processes' share of the CPUs, from the kernel's counters.</summary>
public sealed class MachineLoadTests
{
    [Test]
    public void The_system_line_gives_busy_and_total_ticks_without_idle_and_iowait()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var (busy, total) = MachineLoad.ParseSystem("cpu  100 5 50 800 20 3 2 10 7 0")!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo(990), "guest time is already in user time");
            Assert.That(busy, Is.EqualTo(170), "steal counts as busy: another guest had the CPU");
        });
    }

    [Test]
    public void This_process_time_is_user_plus_system_even_with_a_name_holding_spaces_and_parentheses()
    {
        var stat = "4242 (my (odd) name) R 1 4242 4242 0 -1 4194560 500 0 0 0 321 123 0 0 20 0 9 0 100 0 0";
        Assert.That(MachineLoad.ParseSelf(stat), Is.EqualTo(444));
    }

    [TestCase("")]
    [TestCase("intr 1 2 3")]
    [TestCase("cpu  a b c d")]
    public void Unreadable_counters_give_nothing(string line) => Assert.That(MachineLoad.ParseSystem(line), Is.Null);

    [Test]
    public void Others_share_is_the_busy_time_not_ours_over_all_time()
    {
        // Two CPUs for 100 ticks each: 200 ticks; 150 busy of which 50 were ours: others 100 of 200.
        var share = MachineLoad.Share((0, 0), (150, 200), 0, 50);
        Assert.That(share.Value, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(MachineLoad.Share((10, 10), (10, 10), 0, 0).IsAvailable, Is.False);
    }

    [Test]
    [Platform("Linux")]
    public void A_busy_loop_in_another_process_is_seen()
    {
        var load = MachineLoad.Start();
        using var spin = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", "-c \"end=$(($(date +%s)+1)); while [ $(date +%s) -lt $end ]; do :; done\"") { UseShellExecute = false })!;
        spin.WaitForExit();
        var share = load.Stop();
        Assert.That(share.IsAvailable, Is.True);
        Assert.That(share.Value, Is.GreaterThan(0.2 / Environment.ProcessorCount), "one core busy for a second is seen whatever the machine");
    }
}
