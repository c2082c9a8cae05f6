"""A minimal discord.py registration bot shaped like EuroPython's, for the side-by-side burst.

EuroPython's registration cog (EuroPython/discord, registration/cog.py) answers a form submit by
looking the order up in its pretix cache, setting the nickname to the ticket's name, adding the
ticket's roles, logging to a channel and answering ephemerally. This bot does the same on a submit
of the "confbot:register" form, deferring first (ephemeral, "thinking") and following up, as
confbot does: an in-memory dict instead of pretix, no channel log, no claim store, no retries.

Started by dev.confbot.benchmarks.SideBySideBurst with FAKE_DISCORD_REST, FAKE_DISCORD_TOKEN,
FAKE_DISCORD_GUILD and ORDERS_FILE (JSON: order code -> {"name": ..., "roles": [...]}) in the
environment; prints READY once connected and ends when its standard input closes.
"""

import asyncio
import json
import logging
import os
import sys
import threading

import discord
import yarl

REST = os.environ["FAKE_DISCORD_REST"].rstrip("/")
TOKEN = os.environ["FAKE_DISCORD_TOKEN"]
GUILD_ID = int(os.environ["FAKE_DISCORD_GUILD"])
with open(os.environ["ORDERS_FILE"], encoding="utf-8") as orders_file:
    ORDERS = json.load(orders_file)
MODAL_ID = "confbot:register"


def form_values(components):
    """Text input values by custom id, from action rows (type 1) or Labels (type 18)."""
    values = {}
    for component in components:
        inner = component.get("components") or [component.get("component") or component]
        for item in inner:
            if "custom_id" in item:
                values[item["custom_id"]] = item.get("value", "")
    return values


class RegistrationBot(discord.Client):
    def __init__(self):
        intents = discord.Intents.default()
        intents.members = True
        super().__init__(intents=intents)
        self.roles = {}

    async def setup_hook(self):
        _, url = await self.http.get_bot_gateway()
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url.split("?")[0])

    async def on_ready(self):
        guild = self.get_guild(GUILD_ID)
        self.roles = {role.name: role for role in guild.roles}
        print("READY", flush=True)

    async def on_interaction(self, interaction: discord.Interaction):
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        if interaction.data.get("custom_id") != MODAL_ID:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        values = form_values(interaction.data.get("components", []))
        order = ORDERS.get(values.get("order", "").strip().upper())
        if order is None:
            await interaction.followup.send("No such order.", ephemeral=True)
            return
        member = interaction.user
        await member.edit(nick=order["name"][:32])
        await member.add_roles(*(self.roles[name] for name in order["roles"]), reason="registration")
        await interaction.followup.send(f"You're registered as {order['name']}.", ephemeral=True)


def watch_stdin(client, loop):
    for _ in sys.stdin:
        pass
    asyncio.run_coroutine_threadsafe(client.close(), loop)


async def main():
    discord.http.Route.BASE = REST
    client = RegistrationBot()
    threading.Thread(target=watch_stdin, args=(client, asyncio.get_running_loop()), daemon=True).start()
    async with client:
        await client.start(TOKEN, reconnect=False)


if __name__ == "__main__":
    discord.VoiceClient.warn_nacl = False
    discord.utils.setup_logging(level=logging.WARNING)
    asyncio.run(main())
