"""The configuration shipped with the package (links to config/ in the checkout): used when
there is no ./config, and copied by `newsbot init`."""
