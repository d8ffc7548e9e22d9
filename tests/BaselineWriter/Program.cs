using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.BaselineWriter;

// BaselineWriter BASELINE PROFILE [--stall]: adds an entry for PROFILE to BASELINE through BaselineStore.
// With --stall it writes half of the new content, prints "mid-write", and waits to be killed.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: BaselineWriter BASELINE PROFILE [--stall]");
    return 2;
}

var (path, profile, stall) = (args[0], args[1], args.Contains("--stall"));
var store = new BaselineStore
{
    LockTimeout = TimeSpan.FromSeconds(120),
    CreateTemporary = stall ? temporary => new StallingStream(File.Create(temporary)) : BaselineStore.Default.CreateTemporary,
};
store.Update(path, old => BaselineMerge.Merge(old, Entries.Profile("writers", profile)));
Console.WriteLine("written");
return 0;
