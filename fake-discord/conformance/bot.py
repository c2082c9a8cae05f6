"""discord.py conformance bot for fake-discord.

Started by dev.confbot.fakediscord.conformance.DiscordPyConformance with FAKE_DISCORD_REST (the
REST base, e.g. http://127.0.0.1:PORT/api/v10), FAKE_DISCORD_TOKEN and FAKE_DISCORD_GUILD in the
environment. It logs in, checks what it received, answers the interactions the driver sends and
prints one line per check on stdout:

    PASS py <name>
    FAIL py <name>: <why>
    STEP <name>          (a milestone the driver waits for)

It ends when its standard input is closed (the driver exits) or says "quit".
"""

import asyncio
import logging
import os
import sys
import threading

import discord
import yarl
from discord import app_commands

REST = os.environ["FAKE_DISCORD_REST"].rstrip("/")
TOKEN = os.environ["FAKE_DISCORD_TOKEN"]
GUILD_ID = int(os.environ["FAKE_DISCORD_GUILD"])
GUILD = discord.Object(id=GUILD_ID)

# the registration desk's data: order code -> (name, roles)
ORDERS = {"XJ7Q2": ("Ada Lovelace", ["Attendees", "Speakers"])}


# how many gateway frames arrived compressed (discord.py asks for compress=zlib-stream)
COMPRESSED_FRAMES = [0]
_received_message = discord.gateway.DiscordWebSocket.received_message


async def _counting_received_message(self, msg, /):
    if type(msg) is bytes:
        COMPRESSED_FRAMES[0] += 1
    await _received_message(self, msg)


discord.gateway.DiscordWebSocket.received_message = _counting_received_message


def out(line):
    print(line, flush=True)


def check(name, ok, why=""):
    if ok:
        out(f"PASS py {name}")
    else:
        out(f"FAIL py {name}: {why}")
    return ok


class RegistrationModal(discord.ui.Modal, title="Register for PyConf"):
    order = discord.ui.TextInput(label="Order code", custom_id="order", min_length=5, max_length=5)
    full_name = discord.ui.TextInput(label="Full name", custom_id="name", max_length=32)

    def __init__(self):
        super().__init__(custom_id="conf:register-modal", timeout=None)

    async def on_submit(self, interaction: discord.Interaction):
        await interaction.response.defer(ephemeral=True, thinking=True)
        check("modal submit values", (self.order.value, self.full_name.value) == ("XJ7Q2", "Ada Lovelace"),
              f"got {self.order.value!r} {self.full_name.value!r}")
        member = interaction.user
        check("modal submit from a guild member", isinstance(member, discord.Member), type(member).__name__)
        name, role_names = ORDERS[self.order.value]
        roles = [discord.utils.get(interaction.guild.roles, name=r) for r in role_names]
        updated = asyncio.ensure_future(
            interaction.client.wait_for(
                "member_update",
                check=lambda b, a: a.id == member.id and a.nick == name and len(a.roles) == 3,
                timeout=10,
            )
        )
        await member.add_roles(*roles, reason="registered " + self.order.value)
        await member.edit(nick=name, reason="registered")
        try:
            _, after = await updated
            check("member update event after roles and nick",
                  sorted(r.name for r in after.roles) == ["@everyone", "Attendees", "Speakers"],
                  str(after.roles))
        except asyncio.TimeoutError:
            check("member update event after roles and nick", False, "no GUILD_MEMBER_UPDATE with both")
        dm = await member.send(f"Welcome to PyConf, {name}!")
        check("DM channel is private", isinstance(dm.channel, discord.DMChannel), type(dm.channel).__name__)
        followup = await interaction.followup.send(f"You're registered as {name}.", ephemeral=True, wait=True)
        check("follow-up is ephemeral", followup.flags.ephemeral, str(followup.flags))
        out("STEP registered")


class RegisterButton(discord.ui.View):
    def __init__(self):
        super().__init__(timeout=None)

    @discord.ui.button(label="Register", style=discord.ButtonStyle.primary, custom_id="conf:register")
    async def register(self, interaction: discord.Interaction, button: discord.ui.Button):
        check("button click custom id", interaction.data.get("custom_id") == "conf:register", str(interaction.data))
        await interaction.response.send_modal(RegistrationModal())


class ConformanceBot(discord.Client):
    def __init__(self):
        intents = discord.Intents.default()
        intents.members = True
        super().__init__(intents=intents)
        self.tree = app_commands.CommandTree(self)
        self.ready_once = False

    async def setup_hook(self):
        shards, url = await self.http.get_bot_gateway()
        check("GET /gateway/bot gives shards", shards == 1, f"shards={shards}")
        # the non-sharded Client connects to DEFAULT_GATEWAY; point it at the URL Discord gave
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url.split("?")[0])
        check("application id from /oauth2/applications/@me", self.application_id == self.user.id,
              f"{self.application_id} vs {self.user.id}")
        self.add_view(RegisterButton())

        @self.tree.command(name="hello", description="Say hello", guild=GUILD)
        @app_commands.describe(name="who to greet")
        async def hello(interaction: discord.Interaction, name: str):
            check("slash command option", name == "Ada", repr(name))
            check("slash command locale", str(interaction.locale) == "en-US", str(interaction.locale))
            await interaction.response.send_message(f"Hello, {name}! You are {interaction.user.name}.")
            original = await interaction.original_response()
            check("original response is public", not original.flags.ephemeral, str(original.flags))
            out("STEP hello")

        @self.tree.command(name="announce", description="Post the schedule", guild=GUILD)
        async def announce(interaction: discord.Interaction):
            await interaction.response.send_message("Posting…", ephemeral=True)
            channel = discord.utils.get(interaction.guild.text_channels, name="announcements")
            embeds = [
                discord.Embed(title="Keynote", description="09:00 in the Forum", colour=0x3498DB),
                discord.Embed(title="Lunch", description="12:30 in the Hall").add_field(name="Menu", value="Pasta"),
                discord.Embed(title="Sprints", description="Saturday and Sunday"),
            ]
            message = await channel.send("Today's schedule", embeds=embeds)
            check("sent message has three embeds", [e.title for e in message.embeds] == ["Keynote", "Lunch", "Sprints"],
                  str([e.title for e in message.embeds]))
            edited = await message.edit(content="Today's schedule (updated)")
            check("edited message content", edited.content == "Today's schedule (updated)", repr(edited.content))
            check("edited message has an edit timestamp", edited.edited_at is not None, "edited_at is None")
            await interaction.edit_original_response(content="Posted the schedule.")
            out("STEP announced")

        synced = await self.tree.sync(guild=GUILD)
        check("guild commands synced", sorted(c.name for c in synced) == ["announce", "hello"],
              str([c.name for c in synced]))

    async def on_ready(self):
        if self.ready_once:
            return
        self.ready_once = True
        check("gateway frames are zlib-stream compressed", COMPRESSED_FRAMES[0] > 0, "only text frames")
        check("user is the bot", self.user.bot and self.user.name == "confbot", str(self.user))
        guild = self.get_guild(GUILD_ID)
        if not check("READY brings the guild", guild is not None, f"guilds: {self.guilds}"):
            out("STEP ready")
            return
        check("guild name", guild.name == "PyConf", guild.name)
        check("guild roles", {"@everyone", "Attendees", "Speakers", "confbot"} <= {r.name for r in guild.roles},
              str([r.name for r in guild.roles]))
        check("guild text channels", {"registration", "announcements"} <= {c.name for c in guild.text_channels},
              str([c.name for c in guild.text_channels]))
        check("guild members cached", guild.chunked and guild.get_member_named("alice") is not None,
              f"chunked={guild.chunked} members={[m.name for m in guild.members]}")
        check("owner known", guild.owner is not None and guild.owner.name == "owner", str(guild.owner))
        me = guild.me
        check("bot may manage roles and nicknames",
              me is not None and me.guild_permissions.manage_roles and me.guild_permissions.manage_nicknames,
              str(me and me.guild_permissions))
        registration = discord.utils.get(guild.text_channels, name="registration")
        await registration.send("Press the button to register.", view=RegisterButton())
        out("STEP ready")


def watch_stdin(client, loop):
    for line in sys.stdin:
        if line.strip() == "quit":
            break
    asyncio.run_coroutine_threadsafe(client.close(), loop)


async def main():
    discord.http.Route.BASE = REST
    client = ConformanceBot()
    threading.Thread(target=watch_stdin, args=(client, asyncio.get_running_loop()), daemon=True).start()
    async with client:
        await client.start(TOKEN, reconnect=False)
    out("STEP closed")


if __name__ == "__main__":
    discord.VoiceClient.warn_nacl = False  # no voice here
    discord.utils.setup_logging(level=logging.WARNING)
    asyncio.run(main())
