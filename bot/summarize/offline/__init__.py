"""The offline writer: no model, no key. Source sentences ranked (``extractive``), put in
plain words (``plain``) and shaped into the house voice (``voice``, ``templates``)."""
