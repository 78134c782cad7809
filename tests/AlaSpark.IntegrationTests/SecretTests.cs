using AlaSpark.Logging;
using static AlaSpark.Functions;

namespace AlaSpark.IntegrationTests;

/// <summary>A configured hash salt keys the hash and never appears in any log output.</summary>
public class SecretTests
{
    [Fact]
    public void The_salt_keys_the_hash_and_never_reaches_the_console_or_the_json_log()
    {
        const string variable = "ALASPARK_IT_HASH_SALT";
        var salt = "s3cr3t-salt-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, salt);
        try
        {
            using var job = new WebEventsJob();
            var config = job.WriteConfig($"hash_salt_env = \"{variable}\"\n");
            var clef = Path.Combine(job.Root, "log.json");
            var console = new StringWriter();
            Assert.Equal(0, job.Run(["run", "raw_to_cooked", "--config", config, "--log-json", clef, "--verbose"],
                o => new LoggingOptions { MinimumLevel = o.MinimumLevel, ClefPath = o.ClefPath, Secrets = o.Secrets, ConsoleWriter = console }));

            var logs = console.ToString() + File.ReadAllText(clef) + job.Out + job.Error;
            Assert.Contains("raw_to_cooked", logs);
            Assert.DoesNotContain(salt, logs);

            using var session = job.OpenLake();
            var row = session.Table("cooked__web_events.web_events").Select("event_id", "user_email").First()!;
            var raw = session.Read.Option("header", true).Csv(Path.Combine(WebEventsJob.ShippedData, "*.csv"))
                .Filter(Col("event_id") == row["event_id"]).Select("user_email").First()!;
            var email = (string)raw["user_email"]!;
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(salt), System.Text.Encoding.UTF8.GetBytes(email)));
            Assert.Equal(expected, row["user_email"]);
            Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email))), row["user_email"]);
            Assert.DoesNotContain(salt, session.Table("cooked__web_events.web_events").Explain());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
