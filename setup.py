"""Packaging of tongliao.disclosure."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = Path("README.rst").read_text(encoding="utf-8")

setup(
    name="tongliao.disclosure",
    version="1.0.0.dev0",
    description="政务公开 / 政府信息公开 platform for the agencies of Tongliao (Plone 6.2 add-on)",
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: Chinese (Simplified)",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone government disclosure 政务公开",
    author="tongliao.disclosure developers",
    license="GPL version 2",
    python_requires=">=3.11",
    packages=find_namespace_packages("src", include=["tongliao.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    package_data={"": ["*.zcml", "*.xml", "*.pt", "*.json", "*.po", "*.pot", "*.css",
                       "*.js", "*.txt", "*.docx", "*.svg", "*.png"]},
    zip_safe=False,
    install_requires=[
        "Products.CMFPlone>=6.2,<6.3",
        "plone.api",
        "plone.restapi",
        "plone.app.dexterity",
        "plone.app.relationfield",
        "plone.app.iterate",
        "plone.app.registry",
        "collective.exportimport",
        "chinesecalendar",
        "openpyxl",
        "python-docx",
        "python-stdnum",
        # PDF of notices, embedding the CJK font of Debian's fonts-noto-cjk.
        "fpdf2",
        "fonttools",
        "setuptools",
    ],
    extras_require={
        # make start: a local SMTP sink for the demo site's mail.
        "demo": ["aiosmtpd"],
        # Several instances on one database: make start-zeo, make start-relstorage.
        "scale": ["ZEO", "RelStorage", "psycopg2-binary"],
        "test": [
            "ZEO",
            "RelStorage",
            "psycopg2-binary",
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-plone",
            "hypothesis",
            "aiosmtpd",
            "playwright",
            "axe-playwright-python",
            "requests",
            "waitress",
            "zpretty",
            "ruff",
            "i18ndude",
            "pypdf",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
