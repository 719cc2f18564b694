"""What changes a dossier, one module per kind of change; import the module you need.

- workflow: the dossier's life, the one writer of Nomination.state (through portal.transitions.move);
- content: summary, documents, self-assessment and the appraiser's scores, while the state allows;
- practice_links: recognised practices cited as evidence;
- notifications: notices in the portal and their e-mail copies, marking them read;
- reminders: the daily deadline reminders.
"""
