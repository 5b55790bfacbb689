"""The web server: the demo town page, the chat widget and its assets."""
