from assistant.cli import entry

entry()
